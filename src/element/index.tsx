// The element build's entry (vite.element.config.ts): one ES module that defines
// `<faultline-lab>`. Defined only once, so a page that loads the script twice keeps working.
import '../zodWithoutEval';
import { FaultlineLab } from './FaultlineLab';

export const TAG_NAME = 'faultline-lab';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, FaultlineLab);

export { FaultlineLab };
