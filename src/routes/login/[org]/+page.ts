// A plain form that needs no JavaScript, as on /login.
export const csr = false;
