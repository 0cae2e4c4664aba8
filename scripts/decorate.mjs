// tslib's `__decorate`, for the self-contained bundles, without its `Reflect.decorate` branch (for
// the reflect-metadata polyfill, which nothing here uses). The elements' decorators are Lit's
// `@property`/`@state` and `@localized()`; each is applied exactly as tslib applies it. The npm
// package's modules import tslib itself.
export function __decorate(decorators, target, key, descriptor) {
  const member = arguments.length > 2;
  let result = member ? (descriptor === null ? Object.getOwnPropertyDescriptor(target, key) : descriptor) : target;
  for (let index = decorators.length - 1; index >= 0; index -= 1) {
    const decorator = decorators[index];
    result = (member ? decorator(target, key, result) : decorator(result)) || result;
  }
  if (member && result) Object.defineProperty(target, key, result);
  return result;
}
