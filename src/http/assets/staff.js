// Progressive enhancement for staff pages: GOV.UK Frontend's components.
import { initAll } from './govuk-frontend.min.js';
document.body.classList.add('govuk-frontend-supported');
initAll();
