import {
	codeVerifierFromBytes,
	createCodeChallenge,
	createCodeVerifier,
	createPkcePair,
	createState,
} from '../../../credentials/auth/pkce';

/** RFC 7636 Appendix B: the 32 octets, the verifier they encode to, and its S256 challenge. */
const APPENDIX_B = {
	octets: [
		116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
		91, 88, 5, 88, 83, 132, 141, 121,
	],
	verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
	challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

describe('PKCE (RFC 7636)', () => {
	it('encodes the Appendix B octets to the Appendix B verifier', () => {
		expect(codeVerifierFromBytes(Uint8Array.from(APPENDIX_B.octets))).toBe(APPENDIX_B.verifier);
	});

	it('derives the Appendix B S256 challenge from the Appendix B verifier', () => {
		expect(createCodeChallenge(APPENDIX_B.verifier)).toBe(APPENDIX_B.challenge);
	});

	it('makes verifiers of 43 to 128 unreserved characters and refuses other lengths', () => {
		expect(createCodeVerifier()).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
		expect(createCodeVerifier(96)).toMatch(/^[A-Za-z0-9\-._~]{128}$/);
		expect(() => createCodeVerifier(31)).toThrow(RangeError);
		expect(() => createCodeVerifier(97)).toThrow(RangeError);
	});

	it('makes a fresh verifier, a matching challenge and a fresh state each time', () => {
		const first = createPkcePair();
		const second = createPkcePair();
		expect(first.codeVerifier).not.toBe(second.codeVerifier);
		expect(first.codeChallenge).toBe(createCodeChallenge(first.codeVerifier));
		expect(first.codeChallengeMethod).toBe('S256');
		expect(createState()).not.toBe(createState());
	});
});
