/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next puts it on its own
 * scripts, read from the request's CSP header) or when loaded by such a script ('strict-dynamic'): no inline or
 * injected script runs. Styles need 'unsafe-inline': Observable Plot writes a <style> element into each chart,
 * and React and Cytoscape set style attributes; a style cannot run code.
 */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
