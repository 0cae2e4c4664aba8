// Shows what a host page sees: the proforma-change event after each answer.
const assessment = document.querySelector('proforma-assessment');
const lastChange = document.querySelector('#last-change');
assessment.addEventListener('proforma-change', (event) => {
  const { answers, score } = event.detail;
  lastChange.textContent = `Host page heard proforma-change: ${Object.keys(answers).length} answers, outcome ${score.outcome}.`;
});
