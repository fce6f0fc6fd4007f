/** The tool's own SHA-256 (src/core/sha256.ts), held to Node's crypto over every length around the block edges and pieces of every size. */
import { createHash, randomBytes } from "node:crypto";
import { hex, Sha256, sha256Hex, utf8Bytes } from "../../src/core/sha256";

const node = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("SHA-256", () => {
  it("gives FIPS 180-4's answers for its examples", () => {
    expect(sha256Hex(utf8Bytes(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(utf8Bytes("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(utf8Bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("agrees with Node's crypto at every length from 0 to 300 bytes and at large ones", () => {
    for (let n = 0; n <= 300; n++) {
      const data = randomBytes(n);
      expect(sha256Hex(data)).toBe(node(data));
    }
    for (const n of [4095, 65_536, 1_000_003]) {
      const data = randomBytes(n);
      expect(sha256Hex(data)).toBe(node(data));
    }
  });

  it("gives the same hash fed in pieces of any size", () => {
    const data = randomBytes(5000);
    for (const size of [1, 3, 63, 64, 65, 127, 1000]) {
      const hash = new Sha256();
      for (let p = 0; p < data.length; p += size) hash.update(data.subarray(p, p + size));
      expect(hex(hash.digest())).toBe(node(data));
    }
  });

  it("hashes text as UTF-8", () => {
    const text = "Signed off by Siân O'Neill – £1,200 😀";
    expect(sha256Hex(utf8Bytes(text))).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});
