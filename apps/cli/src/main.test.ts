// `fundladder --lang en optimize …` (the language before the command) runs the command; it used to print the help.
import { describe, expect, it } from 'vitest';
import { commandArgs, pickLang, pickVerbose } from './main';

describe('commandArgs', () => {
  it('skips --lang and its value before the command, in both spellings', () => {
    expect(commandArgs(['--lang', 'en', 'optimize', 's.json'])).toEqual(['optimize', 's.json']);
    expect(commandArgs(['--lang=en', 'validate', 's.json'])).toEqual(['validate', 's.json']);
    expect(pickLang(['--lang', 'en', 'optimize', 's.json'], {})).toBe('en');
  });
  it('skips --verbose before the command; --verbose anywhere, or FUNDLADDER_VERBOSE=1, shows the rule ids', () => {
    expect(commandArgs(['--verbose', '--lang', 'en', 'validate', 's.json'])).toEqual(['validate', 's.json']);
    expect(pickVerbose(['validate', 's.json', '--verbose'], {})).toBe(true);
    expect(pickVerbose(['validate', 's.json'], { FUNDLADDER_VERBOSE: '1' })).toBe(true);
    expect(pickVerbose(['validate', 's.json'], {})).toBe(false);
  });
  it('leaves flags after the command to the command', () => {
    expect(commandArgs(['optimize', 's.json', '--lang', 'en'])).toEqual(['optimize', 's.json', '--lang', 'en']);
  });
  it('gives nothing when only global flags are given (the help is printed)', () => {
    expect(commandArgs(['--lang', 'en'])).toEqual([]);
    expect(commandArgs([])).toEqual([]);
  });
});
