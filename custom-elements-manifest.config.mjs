// `cem analyze --litelement` reads the elements' classes and JSDoc into dist/custom-elements.json, which
// editors and documentation tools read for each element's tag, attributes, events, CSS properties and parts.

/**
 * The analyzer also lists every `dispatchEvent(new SomeEvent(…))` it finds, by class and without a name.
 * Each must be one the element's JSDoc names with `@fires {SomeEvent} event-name - …` (then the nameless
 * copy is dropped); an event the code fires but the JSDoc leaves out stops the build.
 */
function eventsNamedInJsDoc() {
  return {
    name: 'proforma-events-named-in-jsdoc',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement || !declaration.events) continue;
          const named = declaration.events.filter((event) => event.name);
          for (const event of declaration.events.filter((event) => !event.name)) {
            const type = event.type?.text;
            if (!named.some((documented) => documented.type?.text === type)) {
              throw new Error(
                `${module.path}: ${declaration.name} fires ${type ?? 'an event'} that its JSDoc does not name: ` +
                  `add "@fires {${type}} event-name - when it fires".`,
              );
            }
          }
          declaration.events = named;
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the build leaves package.json alone.
  packagejson: false,
  plugins: [eventsNamedInJsDoc()],
};
