import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getTenants from './getTenants.operation';

export { getAll, getTenants };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the organizations (accounts) the signed-in user can reach',
				action: 'Get many accounts',
			},
			{
				name: 'Get Tenants',
				value: 'getTenants',
				description: 'List the tenants (service instances) of an account',
				action: 'Get tenants of an account',
			},
		],
	},
	...getAll.description,
	...getTenants.description,
];
