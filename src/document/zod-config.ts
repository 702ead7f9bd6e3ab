import { z } from 'zod';

// The app runs under a strict Content-Security-Policy without 'unsafe-eval'. zod reads `jitless`
// when a schema is built (it probes `new Function` then), so this module must be evaluated before
// any zod schema is constructed: schema.ts imports it first, and the app entry should too.
z.config({ jitless: true });
