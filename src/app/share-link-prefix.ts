/** The URL fragment that carries a shared document: `#doc=<deflate-raw, base64url>`. */
export const SHARE_PREFIX = '#doc=';
