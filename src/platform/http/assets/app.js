// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj-frontend.min.js';

initAll();
try {
  initMoj();
} catch {
  // MOJ components are optional enhancements.
}

// Printing shows every chart's data table: open the details that hold them, and close them again.
const openedForPrint = [];
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details:not([open])')) {
    details.open = true;
    openedForPrint.push(details);
  }
});
window.addEventListener('afterprint', () => {
  for (const details of openedForPrint.splice(0)) details.open = false;
});
