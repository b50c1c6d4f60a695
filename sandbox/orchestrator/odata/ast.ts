export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Literal =
	| { type: 'literal'; kind: 'string'; value: string }
	| { type: 'literal'; kind: 'number'; value: number }
	| { type: 'literal'; kind: 'boolean'; value: boolean }
	| { type: 'literal'; kind: 'null'; value: null }
	| { type: 'literal'; kind: 'dateTime'; value: string }
	| { type: 'literal'; kind: 'guid'; value: string };

/** A parsed `$filter` expression. */
export type FilterNode =
	| Literal
	| { type: 'member'; path: string[] }
	| { type: 'compare'; operator: ComparisonOperator; left: FilterNode; right: FilterNode }
	| { type: 'logical'; operator: 'and' | 'or'; left: FilterNode; right: FilterNode }
	| { type: 'not'; operand: FilterNode }
	| { type: 'call'; name: string; args: FilterNode[] };
