// Shows the app in the mode the address names (`app.html?mode=register`), so that one page shows each.
const mode = new URLSearchParams(location.search).get('mode');
if (mode) document.querySelector('proforma-app')?.setAttribute('mode', mode);

// A second theme, as a school would set it: only --proforma-* custom properties and ::part rules
// in the page's own stylesheet (demo.css, under .theme-ysgol), switched by the address.
const params = new URLSearchParams(location.search);
const themed = params.get('theme') === 'ysgol';
document.documentElement.classList.toggle('theme-ysgol', themed);
const link = document.querySelector('#theme-link');
if (link) {
  const other = new URL(location.href);
  if (themed) other.searchParams.delete('theme');
  else other.searchParams.set('theme', 'ysgol');
  link.href = other.href;
  link.textContent = themed ? 'Default theme' : 'Second theme';
}
