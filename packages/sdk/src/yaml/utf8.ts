/**
 * go-yaml reads its input as UTF-8 and refuses a byte sequence that is not, with one of the
 * messages of its reader (readerc.go, `yaml_parser_update_buffer`). Node would quietly turn
 * such bytes into U+FFFD; Concourse refuses the file, so contrail does too.
 *
 * @see https://github.com/go-yaml/yaml/blob/v2.4.0/readerc.go
 */

/** go-yaml's message for the first invalid sequence in `bytes` and its offset, or undefined when all is UTF-8. */
export function invalidUtf8(bytes: Uint8Array): { readonly message: string; readonly offset: number } | undefined {
  for (let i = 0; i < bytes.length; ) {
    const octet = bytes[i] as number;
    const width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
    if (width === 0) return { message: "yaml: invalid leading UTF-8 octet", offset: i };
    if (i + width > bytes.length) return { message: "yaml: incomplete UTF-8 octet sequence", offset: i };
    let value = width === 1 ? octet & 0x7f : width === 2 ? octet & 0x1f : width === 3 ? octet & 0x0f : octet & 0x07;
    for (let k = 1; k < width; k++) {
      const trailing = bytes[i + k] as number;
      if ((trailing & 0xc0) !== 0x80) return { message: "yaml: invalid trailing UTF-8 octet", offset: i + k };
      value = (value << 6) + (trailing & 0x3f);
    }
    const shortest = width === 1 || (width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000);
    if (!shortest) return { message: "yaml: invalid length of a UTF-8 sequence", offset: i };
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return { message: "yaml: invalid Unicode character", offset: i };
    i += width;
  }
  return undefined;
}
