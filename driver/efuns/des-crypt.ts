// crypt() and oldcrypt(): traditional Unix DES crypt(3), which MudOS/Neolith
// get from the C library (glibc reads only the first two salt characters), so
// password hashes saved by those drivers verify here. The key is the first 8
// bytes of the UTF-8 password (7 bits each); the 12-bit salt swaps entries of
// the expansion table; a zero block is encrypted 25 times; the 64-bit result
// (plus two zero bits) is printed as 11 characters of "./0-9A-Za-z" after the
// 2 salt characters. Tables are those of FIPS 46-3 (1-based bit numbers).

const utf8 = new TextEncoder();

/** crypt's alphabet, in value order. */
const SALT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Two random salt characters, for crypt() called without a usable salt. */
export function randomSalt(): string {
  return SALT_CHARS[Math.floor(Math.random() * 64)] + SALT_CHARS[Math.floor(Math.random() * 64)];
}

const DES_PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
const DES_PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const DES_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
const DES_IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
const DES_E = [
  32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
  16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
];
const DES_P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];
const DES_S = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];
/** The final permutation is the inverse of the initial one. */
const DES_FP = (() => {
  const fp = new Array<number>(64);
  DES_IP.forEach((from, to) => { fp[from - 1] = to + 1; });
  return fp;
})();

function permute(bits: Uint8Array, table: readonly number[]): Uint8Array {
  const out = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) out[i] = bits[table[i] - 1];
  return out;
}

/** The 6-bit value of a crypt alphabet character ("./0-9A-Za-z"), as the classic crypt maps it. */
function saltValue(c: number): number {
  if (c > 90) return (c - 59) & 0x3f;
  if (c > 57) return (c - 53) & 0x3f;
  return (c - 46) & 0x3f;
}

/** crypt(3) with the traditional DES algorithm; only the first two characters of `salt` are used. */
export function desCrypt(password: string, salt: string): string {
  const pw = utf8.encode(password);
  const key = new Uint8Array(64);
  for (let i = 0; i < 8 && i < pw.length && pw[i] !== 0; i++) {
    for (let j = 0; j < 7; j++) key[8 * i + j] = (pw[i] >> (6 - j)) & 1;
  }
  const cd = permute(key, DES_PC1);
  const subkeys: Uint8Array[] = [];
  for (let r = 0; r < 16; r++) {
    for (let k = 0; k < DES_SHIFTS[r]; k++) {
      const c0 = cd[0];
      const d0 = cd[28];
      cd.copyWithin(0, 1, 28);
      cd[27] = c0;
      cd.copyWithin(28, 29, 56);
      cd[55] = d0;
    }
    subkeys.push(permute(cd, DES_PC2));
  }
  const s0 = salt.charCodeAt(0);
  const s1 = salt.charCodeAt(1);
  const saltBits = saltValue(s0) | (saltValue(s1) << 6);
  const e = DES_E.slice();
  for (let i = 0; i < 12; i++) {
    if ((saltBits >> i) & 1) {
      const t = e[i];
      e[i] = e[i + 24];
      e[i + 24] = t;
    }
  }
  let block: Uint8Array = new Uint8Array(64);
  const er = new Uint8Array(48);
  const sOut = new Uint8Array(32);
  for (let iter = 0; iter < 25; iter++) {
    const lr = permute(block, DES_IP);
    let l = lr.slice(0, 32);
    let r = lr.slice(32);
    for (let round = 0; round < 16; round++) {
      const k = subkeys[round];
      for (let i = 0; i < 48; i++) er[i] = r[e[i] - 1] ^ k[i];
      for (let b = 0; b < 8; b++) {
        const o = b * 6;
        const row = (er[o] << 1) | er[o + 5];
        const col = (er[o + 1] << 3) | (er[o + 2] << 2) | (er[o + 3] << 1) | er[o + 4];
        const v = DES_S[b][row * 16 + col];
        for (let j = 0; j < 4; j++) sOut[b * 4 + j] = (v >> (3 - j)) & 1;
      }
      const f = permute(sOut, DES_P);
      const nr = new Uint8Array(32);
      for (let i = 0; i < 32; i++) nr[i] = l[i] ^ f[i];
      l = r;
      r = nr;
    }
    const pre = new Uint8Array(64);
    pre.set(r, 0);
    pre.set(l, 32);
    block = permute(pre, DES_FP);
  }
  let out = salt.slice(0, 2);
  for (let i = 0; i < 11; i++) {
    let v = 0;
    for (let j = 0; j < 6; j++) {
      const bit = i * 6 + j;
      v = (v << 1) | (bit < 64 ? block[bit] : 0);
    }
    out += SALT_CHARS[v];
  }
  return out;
}
