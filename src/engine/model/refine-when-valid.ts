// Zod runs an object's refinements even when a field failed a non-aborting check (a number above its maximum),
// so a refinement could loop over `horizonYears: 1e15`. Pass this to refine/superRefine to run it only on an
// object whose fields all passed.
import type { z } from 'zod';

export const whenFieldsValid = { when: (payload: z.core.ParsePayload): boolean => payload.issues.length === 0 };
