/**
 * Control characters (terminal escape sequences, carriage returns, bells, bidirectional overrides) that a
 * server or a forged callback could slip into what the tool prints; line breaks are the tool's own.
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
	return text.replace(CONTROL, '');
}
