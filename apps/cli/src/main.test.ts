// `fundladder --lang en optimize …` (the language before the command) runs the command; it used to print the help.
import { describe, expect, it } from 'vitest';
import { commandArgs, pickLang } from './main';

describe('commandArgs', () => {
  it('skips --lang and its value before the command, in both spellings', () => {
    expect(commandArgs(['--lang', 'en', 'optimize', 's.json'])).toEqual(['optimize', 's.json']);
    expect(commandArgs(['--lang=en', 'validate', 's.json'])).toEqual(['validate', 's.json']);
    expect(pickLang(['--lang', 'en', 'optimize', 's.json'], {})).toBe('en');
  });
  it('leaves flags after the command to the command', () => {
    expect(commandArgs(['optimize', 's.json', '--lang', 'en'])).toEqual(['optimize', 's.json', '--lang', 'en']);
  });
  it('gives nothing when only global flags are given (the help is printed)', () => {
    expect(commandArgs(['--lang', 'en'])).toEqual([]);
    expect(commandArgs([])).toEqual([]);
  });
});
