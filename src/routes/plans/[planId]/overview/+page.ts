// Server-rendered only: the chart is drawn on the server as SVG, the tables are plain HTML.
export const csr = false;
