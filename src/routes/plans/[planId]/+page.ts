// The plan page works entirely with plain links and form posts. A large plan's outline would
// otherwise be sent twice (as HTML and again as hydration data), so it is rendered on the server only.
export const csr = false;
