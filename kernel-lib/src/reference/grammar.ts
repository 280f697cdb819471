/**
 * The reference grammar of distribution/reference (regexp.go), rebuilt piece by piece so a lesson can
 * show each production. The productions and their composition follow upstream exactly; they are
 * plain JavaScript regular expressions, which give the same matches and the same capture groups as
 * Go's RE2 for these patterns (no backreferences, leftmost-first alternation in both).
 *
 *   reference  := name [ ":" tag ] [ "@" digest ]
 *   name       := [ domain "/" ] remote-name
 *   domain     := host [ ":" port ]          host := domain-name | "[" ipv6 "]"
 *   remote-name:= path-component ( "/" path-component )*
 */

/** Lowercase letters and digits only: path components never contain uppercase. */
const alphanumeric = '[a-z0-9]+';
/** One period, one or two underscores, or any run of dashes (`a---b` is valid; the doc comment's `[-]*` is not what is compiled). */
const separator = '(?:[._]|__|[-]+)';
/** A DNS label: starts and ends with a letter or digit; uppercase is allowed here, unlike the path. */
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
/** Any run of digits: no range check (`:99999` parses). */
const optionalPort = '(?::[0-9]+)?';
/** `\w` is ASCII `[A-Za-z0-9_]` in both Go and JavaScript (without the `u` flag). */
const tag = '[\\w][\\w.-]{0,127}';
/** distribution/reference's own digest shape; go-digest then validates it further (see digestRules.ts). */
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const identifier = '([a-f0-9]{64})';
/** Bracketed, hex and colons only: no zone (`%eth0`) and no embedded IPv4. */
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

const anchored = (pattern: string): RegExp => new RegExp(`^${pattern}$`);

/** The productions as regular-expression sources, for lessons that print the grammar. */
export const referenceGrammar = Object.freeze({
  alphanumeric,
  separator,
  pathComponent,
  remoteName,
  domainNameComponent,
  domainName,
  ipv6address,
  host,
  domainAndPort,
  name: namePattern,
  tag,
  digest,
  identifier,
  reference: `^(${namePattern})(?::(${tag}))?(?:@(${digest}))?$`,
});

/** Whole reference; groups: 1 name, 2 tag, 3 digest. */
export const referenceRegExp = new RegExp(referenceGrammar.reference);
/** A name split into domain (group 1, optional) and path (group 2); greedy: the first component is a domain whenever it can be one. */
export const anchoredNameRegExp = anchored(`(?:(${domainAndPort})/)?(${remoteName})`);
export const anchoredTagRegExp = anchored(tag);
export const anchoredDigestRegExp = anchored(digest);
/** 64 lowercase hex characters: an image ID without its `sha256:` prefix. */
export const anchoredIdentifierRegExp = anchored(identifier);
export const anchoredDomainRegExp = anchored(domainAndPort);
