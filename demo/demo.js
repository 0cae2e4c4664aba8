// What a host page does: resume the draft named in the address, keep the address
// pointing at the draft being edited, and listen to the element's events.
const assessment = document.querySelector('proforma-assessment');
const lastChange = document.querySelector('#last-change');

const draftId = new URLSearchParams(location.search).get('draft');
if (draftId) assessment.setAttribute('draft-id', draftId);

assessment.addEventListener('proforma-draft-created', (event) => {
  const url = new URL(location.href);
  url.searchParams.set('draft', event.detail.draftId);
  history.replaceState(null, '', url);
});

assessment.addEventListener('proforma-change', (event) => {
  const { answers, score } = event.detail;
  lastChange.textContent = `Host page heard proforma-change: ${Object.keys(answers).length} answers, outcome ${score.outcome}.`;
});

assessment.addEventListener('proforma-pdf-exported', (event) => {
  lastChange.textContent = `Host page heard proforma-pdf-exported: ${event.detail.fileName}, key ${event.detail.fingerprint}.`;
});

// The verifier and the register read a signed PDF's assessment with the forms this page knows.
const verify = document.querySelector('proforma-verify');
const register = document.querySelector('proforma-register');
fetch('../forms/social-tool-risk-assessment.json')
  .then((response) => response.json())
  .then((form) => {
    verify.forms = [form];
    register.forms = [form];
  })
  .catch(() => {});
