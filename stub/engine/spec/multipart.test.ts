/**
 * multipart/form-data request bodies (V3: "parts matched by name and content type";
 * pact_matching binary_utils::match_mime_multipart): each client picks its own boundary and
 * part order; the contract's parts must all be there, fields compare their text (or the rules
 * at `$.<name>`), files their content type and bytes (or the rules, e.g. contentType).
 */
import { check, type Json, request } from './spec-helpers';

const JPEG_A = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const JPEG_B = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

function multipart(boundary: string, parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const head = [
      `--${boundary}`,
      `Content-Disposition: ${disposition}`,
      ...(part.type ? [`Content-Type: ${part.type}`] : []),
      '',
      '',
    ];
    chunks.push(Buffer.from(head.join('\r\n')), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const CONTRACT_PARTS: Part[] = [
  { name: 'course_id', value: 'course-v1:edX+DemoX+Demo' },
  { name: 'photo', value: JPEG_A, filename: 'me.jpg', type: 'image/jpeg' },
];
const interaction = (bodyRules?: Record<string, Json>) => ({
  request: {
    method: 'POST',
    path: '/upload',
    headers: { 'Content-Type': ['multipart/form-data; boundary=pact-boundary'] },
    body: {
      contentType: 'multipart/form-data; boundary=pact-boundary',
      encoded: 'base64',
      content: multipart('pact-boundary', CONTRACT_PARTS).toString('base64'),
    },
    ...(bodyRules && { matchingRules: { body: bodyRules } }),
  },
});
const send = (parts: Part[], boundary = '----client-boundary-42') =>
  request(
    'POST',
    '/upload',
    { 'content-type': `multipart/form-data; boundary=${boundary}` },
    new Uint8Array(multipart(boundary, parts)),
  );

describe('multipart/form-data bodies', () => {
  it('fits the same parts under another boundary and in another order', () => {
    expect(check(interaction(), send([...CONTRACT_PARTS].reverse()))).toBe('fits');
  });

  it('does not compare parts the request adds', () => {
    expect(check(interaction(), send([...CONTRACT_PARTS, { name: 'extra', value: 'x' }]))).toBe(
      'fits',
    );
  });

  it.each<[string, Part[]]>([
    ['a missing part', [CONTRACT_PARTS[0] as Part]],
    [
      'another field value',
      [{ name: 'course_id', value: 'course-v1:Other+X+Y' }, CONTRACT_PARTS[1] as Part],
    ],
    [
      'another file',
      [CONTRACT_PARTS[0] as Part, { ...(CONTRACT_PARTS[1] as Part), value: JPEG_B }],
    ],
    [
      'a file of another content type',
      [CONTRACT_PARTS[0] as Part, { ...(CONTRACT_PARTS[1] as Part), type: 'image/png' }],
    ],
    [
      'a field where a file is expected',
      [CONTRACT_PARTS[0] as Part, { name: 'photo', value: 'not a file' }],
    ],
  ])('refuses %s', (_, parts) => {
    expect(check(interaction(), send(parts))).toMatch(/^refused/);
  });

  it('applies the rules at $.<name>: a regex on a field, contentType on a file', () => {
    const rules = {
      '$.course_id': { matchers: [{ match: 'regex', regex: 'course-v1:[^+]+\\+[^+]+\\+.+' }] },
      '$.photo': { matchers: [{ match: 'contentType', value: 'image/jpeg' }] },
    };
    const other = [
      { name: 'course_id', value: 'course-v1:MITx+6.002x+2026' },
      { ...(CONTRACT_PARTS[1] as Part), value: JPEG_B },
    ];
    const png = [CONTRACT_PARTS[0] as Part, { ...(CONTRACT_PARTS[1] as Part), value: PNG }];

    expect(check(interaction(rules), send(other))).toBe('fits');
    expect(check(interaction(rules), send(png))).toMatch(/refused.*image\/jpeg/);
  });

  it('refuses a body that is not multipart, or whose boundary is not in it', () => {
    const plain = request('POST', '/upload', { 'content-type': 'text/plain' }, 'course_id=x');
    const wrongBoundary = request(
      'POST',
      '/upload',
      { 'content-type': 'multipart/form-data; boundary=nope' },
      new Uint8Array(multipart('other', CONTRACT_PARTS)),
    );

    expect(check(interaction(), plain)).toMatch(/^refused/);
    expect(check(interaction(), wrongBoundary)).toMatch(/refused.*cannot be read/);
  });
});
