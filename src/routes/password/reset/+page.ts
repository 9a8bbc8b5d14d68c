// A plain form that needs no JavaScript: rendered on the server only, so nothing can reset what
// someone types before scripts load.
export const csr = false;
