import { z } from 'zod';

// Zod 4 compiles fast validators with `new Function`, which the CSP (script-src 'self') forbids: use the
// interpreter instead. Imported first by main.tsx so it runs before any schema parses.
z.config({ jitless: true });
