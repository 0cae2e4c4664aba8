// Shows the app in the mode the address names (`app.html?mode=register`), so that one page shows each.
const mode = new URLSearchParams(location.search).get('mode');
if (mode) document.querySelector('proforma-app')?.setAttribute('mode', mode);
