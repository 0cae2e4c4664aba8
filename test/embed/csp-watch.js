// Loaded first by each page here, as a classic script: keeps every Content-Security-Policy violation
// the page reports, for the test to read as `window.cspViolations`.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});
