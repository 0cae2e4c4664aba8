import { Version } from '@microsoft/sp-core-library';
import { ThemeProvider, type IReadonlyTheme, type ThemeChangedEventArgs } from '@microsoft/sp-component-base';
import {
  PropertyPaneDropdown,
  PropertyPaneTextField,
  type IPropertyPaneConfiguration,
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { defineProformaElements } from 'proforma/define-elements.js';

export interface IProformaWebPartProps {
  /** `teacher`, `register` (the IT lead) or `public` (staff reading the published register). */
  mode: string;
  /** Built-in form ids or addresses of form definitions, separated by spaces; the social-tool form when empty. */
  forms: string;
  /** Address of the published register ("Export for staff"), for the Approved tools view. */
  registerSrc: string;
  /** Keeps this web part's drafts and register apart from other proforma web parts on the site. */
  namespace: string;
  /** Shown at the top and on the signed PDF; the site's title when empty. */
  schoolName: string;
}

/**
 * This solution's own tag suffix (from its web part id): another solution on the same page that
 * brings its own copy of proforma, perhaps another version, registers its own tags, and neither
 * takes the other's. The elements inside <proforma-app-…> take the same suffix.
 */
const TAG_SUFFIX = 'spfx-655ab184';
const APP_TAG = `proforma-app-${TAG_SUFFIX}`;

/** The proforma custom properties this web part takes from the SharePoint theme, and where each comes from. */
const THEME_PROPERTIES: Record<string, (theme: IReadonlyTheme) => string | undefined> = {
  '--proforma-color-text': (theme) => theme.semanticColors?.bodyText,
  '--proforma-color-muted': (theme) => theme.semanticColors?.bodySubtext,
  '--proforma-color-background': (theme) => theme.semanticColors?.bodyBackground,
  '--proforma-color-surface': (theme) => theme.semanticColors?.bodyStandoutBackground,
  '--proforma-color-border': (theme) => theme.semanticColors?.inputBorder,
  '--proforma-color-accent': (theme) => theme.palette?.themePrimary,
  '--proforma-color-focus': (theme) => theme.semanticColors?.focusBorder,
  '--proforma-font-family': (theme) => theme.fonts?.medium?.fontFamily,
};

export default class ProformaWebPart extends BaseClientSideWebPart<IProformaWebPartProps> {
  private themeProvider: ThemeProvider | undefined;
  private theme: IReadonlyTheme | undefined;

  protected async onInit(): Promise<void> {
    defineProformaElements({ suffix: TAG_SUFFIX });
    // The theme of the section the web part is in (its variant), and every change to it.
    this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.theme = this.themeProvider.tryGetTheme();
    this.themeProvider.themeChangedEvent.add(this, this.onThemeChanged);
    return super.onInit();
  }

  public render(): void {
    let app = this.domElement.querySelector<HTMLElement>(APP_TAG);
    if (!app) {
      app = document.createElement(APP_TAG);
      this.domElement.replaceChildren(app);
    }
    const { mode, forms, registerSrc, namespace, schoolName } = this.properties;
    setAttribute(app, 'mode', mode);
    setAttribute(app, 'forms', forms);
    setAttribute(app, 'register-src', registerSrc);
    setAttribute(app, 'namespace', namespace);
    setAttribute(app, 'school-name', schoolName || this.context.pageContext.web.title);
    setAttribute(app, 'locale', this.context.pageContext.cultureInfo.currentUICultureName);
    applyTheme(app, this.theme);
  }

  protected onDispose(): void {
    this.themeProvider?.themeChangedEvent.remove(this, this.onThemeChanged);
    super.onDispose();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: 'Risk-assess online tools before pupils use them.' },
          groups: [
            {
              groupName: 'Who it is for',
              groupFields: [
                PropertyPaneDropdown('mode', {
                  label: 'Mode',
                  options: [
                    { key: 'teacher', text: 'Teacher: assess a tool, drafts, check a signed PDF' },
                    { key: 'register', text: 'IT lead: the register of tools' },
                    { key: 'public', text: 'Staff: the published list of approved tools' },
                  ],
                }),
                PropertyPaneTextField('schoolName', { label: 'School name (the site title when empty)' }),
              ],
            },
            {
              groupName: 'Files',
              groupFields: [
                PropertyPaneTextField('forms', {
                  label: 'Forms',
                  description:
                    'Built-in forms (social-tool-risk-assessment, social-media-account-request) or addresses of form definitions, separated by spaces.',
                }),
                PropertyPaneTextField('registerSrc', {
                  label: 'Published register',
                  description: 'Address of the file the IT lead publishes with "Export for staff".',
                }),
                PropertyPaneTextField('namespace', {
                  label: 'Namespace',
                  description: 'Keeps the drafts and register of this web part apart from other proforma web parts.',
                }),
              ],
            },
          ],
        },
      ],
    };
  }

  private onThemeChanged(args: ThemeChangedEventArgs): void {
    this.theme = args.theme;
    this.render();
  }
}

/** Sets the attribute, or removes it when the value is empty, so that the element's default applies. */
function setAttribute(element: HTMLElement, name: string, value: string | undefined): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}

/**
 * Passes the section's theme to proforma through its custom properties, with `style.setProperty`
 * (never a style attribute string, which a strict Content-Security-Policy refuses). In an inverted
 * section (a strong background), proforma keeps its own colours, a light panel on the section: it
 * writes white on its accent colour, which there would be light too.
 */
function applyTheme(element: HTMLElement, theme: IReadonlyTheme | undefined): void {
  for (const [property, fromTheme] of Object.entries(THEME_PROPERTIES)) {
    const value = theme && !theme.isInverted ? fromTheme(theme) : undefined;
    if (value) element.style.setProperty(property, value);
    else element.style.removeProperty(property);
  }
}
