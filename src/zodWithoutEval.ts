// Zod builds faster object parsers with `new Function` when a page allows eval. The lab's
// Content-Security-Policy forbids eval (see vite.config.ts), and zod's probe for it would itself
// be reported as a violation. Zod decides when the first object schema is built, so every entry
// point (the page, each worker, the custom element) imports this module first.
import { z } from 'zod';

z.config({ jitless: true });
