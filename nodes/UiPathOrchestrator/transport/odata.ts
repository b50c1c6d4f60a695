/** An OData string literal: quoted, with every quote inside doubled, so a value can never end the literal early. */
export function odataString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}
