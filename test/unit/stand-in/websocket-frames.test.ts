import { closeCodeOf, closePayload, encodeFrame, FrameDecoder, OPCODE } from '../../../src/stand-in/websocket-frames';

/** A client frame: the same header with the mask bit set, a masking key, the payload masked with it. */
function masked(frame: Buffer, key = Buffer.from([0x37, 0xfa, 0x21, 0x3d])): Buffer {
  const lengthByte = frame.readUInt8(1);
  const headerLength = lengthByte === 126 ? 4 : lengthByte === 127 ? 10 : 2;
  const header = Buffer.from(frame.subarray(0, headerLength));
  header.writeUInt8(lengthByte | 0x80, 1);
  const payload = Buffer.from(frame.subarray(headerLength));
  for (let i = 0; i < payload.length; i += 1) payload.writeUInt8(payload.readUInt8(i) ^ key.readUInt8(i % 4), i);
  return Buffer.concat([header, key, payload]);
}

describe('WebSocket frames', () => {
  it.each([0, 125, 126, 65535, 65536])(
    'round-trips a masked %i-byte text frame (small ones fed a byte at a time)',
    (size) => {
      const text = 'x'.repeat(size);
      const bytes = masked(encodeFrame(OPCODE.text, Buffer.from(text)));
      const decoder = new FrameDecoder();
      const frames = size > 200 ? decoder.push(bytes) : [...bytes].flatMap((byte) => decoder.push(Buffer.from([byte])));
      expect(frames).toHaveLength(1);
      expect(frames[0]).toMatchObject({ fin: true, opcode: OPCODE.text, masked: true });
      expect(frames[0]?.payload.toString()).toBe(text);
    },
  );

  it('decodes several frames from one chunk and keeps a partial one for later', () => {
    const ping = masked(encodeFrame(OPCODE.ping, Buffer.from('p')));
    const close = masked(encodeFrame(OPCODE.close, closePayload(1000, 'bye')));
    const decoder = new FrameDecoder();
    const first = decoder.push(Buffer.concat([ping, close.subarray(0, 3)]));
    expect(first.map((frame) => frame.opcode)).toEqual([OPCODE.ping]);
    const [rest] = decoder.push(close.subarray(3));
    expect(rest && [rest.opcode, closeCodeOf(rest.payload), rest.payload.subarray(2).toString()]).toEqual([
      OPCODE.close,
      1000,
      'bye',
    ]);
    expect(closeCodeOf(Buffer.alloc(0))).toBe(1005);
  });
});
