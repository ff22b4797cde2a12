// parse_command()'s made-up plurals (driver/efuns/parse-command.ts): MudOS
// v22 src/parse.c parse_one_plural/parse_to_plural, with its switch
// fall-through and phrase bugs fixed (see the file header). Matching itself
// is covered by tests/conformance/lang2/parse_command.c, which needs objects.
import { describe, expect, it } from 'vitest';
import { pluralOfName, pluralOfWord } from '../../driver/efuns/parse-command.js';

describe('pluralOfWord', () => {
  it('follows parse.c for f/fe, s, x, consonant+y, sh/ch', () => {
    expect(['knife', 'leaf', 'glass', 'box', 'fly', 'torch', 'dish'].map(pluralOfWord))
      .toEqual(['knives', 'leaves', 'glasses', 'boxes', 'flies', 'torches', 'dishes']);
  });
  it('adds s after a vowel + y, and after other endings', () => {
    expect(['key', 'sword', 'soliloquy'].map(pluralOfWord)).toEqual(['keys', 'swords', 'soliloquies']);
  });
  it('knows parse.c\'s irregular nouns', () => {
    expect(['ox', 'tooth', 'woman', 'mouse', 'sheep', 'corpse'].map(pluralOfWord))
      .toEqual(['oxen', 'teeth', 'women', 'mice', 'sheep', 'corpses']);
  });
  it('leaves words of under three letters alone (except ox)', () => {
    expect(['it', 'a'].map(pluralOfWord)).toEqual(['it', 'a']);
  });
  it('fixes parse.c\'s fall-through: e and h endings take s', () => {
    expect(['stone', 'moth', 'axe'].map(pluralOfWord)).toEqual(['stones', 'moths', 'axes']);
  });
});

describe('pluralOfName', () => {
  it('pluralises the word before "of", else the last word', () => {
    expect(pluralOfName('pair of boots')).toBe('pairs of boots');
    expect(pluralOfName('red ball')).toBe('red balls');
    expect(pluralOfName('magic wand')).toBe('magic wands');
  });
});
