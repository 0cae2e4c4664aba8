// The classic script's copy of the elements, registered again under the suffix "classic".
window.proforma.defineProformaElements({ suffix: 'classic' });
