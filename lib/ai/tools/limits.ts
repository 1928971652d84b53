// How much one request may hold, apart from the zod contracts that enforce it (contracts.ts), so that client code
// can read a limit without bundling zod: the inbox's order editor did, and loaded 36 KiB (gzip) of zod for one number.
export const MAX_QUANTITY = 20;
export const MAX_LINES = 10;
export const MAX_QUESTION_LENGTH = 500;
