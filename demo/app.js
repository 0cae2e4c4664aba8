// Shows the app in the mode the address names (`app.html?mode=register`), so that one page shows each.
const params = new URLSearchParams(location.search);
const mode = params.get('mode');
if (mode) document.querySelector('proforma-app')?.setAttribute('mode', mode);

/** Points `link` at this page with `name=value` in the address, or without it when it is already there. */
function toggleLink(link, name, value) {
  const on = params.get(name) === value;
  const other = new URL(location.href);
  if (on) other.searchParams.delete(name);
  else other.searchParams.set(name, value);
  link.href = other.href;
  return on;
}

// A second theme, as a school would set it: only --proforma-* custom properties and ::part rules
// in the page's own stylesheet (demo.css, under .theme-ysgol), switched by the address.
const themeLink = document.querySelector('#theme-link');
const themed = toggleLink(themeLink, 'theme', 'ysgol');
document.documentElement.classList.toggle('theme-ysgol', themed);
themeLink.textContent = themed ? 'Default theme' : 'Second theme';

// The app in Welsh (`app.html?lang=cy`): the `lang` of the part of the page it sits in is all it needs.
const languageLink = document.querySelector('#language-link');
const welsh = toggleLink(languageLink, 'lang', 'cy');
if (welsh) document.querySelector('main').lang = 'cy';
languageLink.textContent = welsh ? 'English' : 'Cymraeg';
languageLink.lang = languageLink.hreflang = welsh ? 'en-GB' : 'cy';
