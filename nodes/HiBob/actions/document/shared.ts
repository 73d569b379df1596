/** What the document operations share: the resource name, the folder parameters and permissions. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type FolderChoice, readFolder } from '../../core/documents';

export const RESOURCE = 'document';

// prettier-ignore
export const folderProperties: INodeProperties[] = [
	{
		displayName: 'Folder',
		name: 'folder',
		type: 'options',
		options: [
			{ name: 'Shared', value: 'shared', description: "The employee's shared folder (they can see it)" },
			{ name: 'Confidential', value: 'confidential', description: "The employee's confidential folder" },
			{ name: 'Custom Folder', value: 'custom', description: 'A folder your company added in Bob' },
		],
		default: 'shared',
	},
	{
		displayName: 'Custom Folder Name or ID',
		name: 'folderId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDocumentFolders' },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { folder: ['custom'] } },
	},
];

/** The folder the Folder / Custom Folder parameters point at. */
export function readFolderParameters(context: IExecuteFunctions, itemIndex: number): FolderChoice {
	return readFolder(
		context.getNodeParameter('folder', itemIndex, 'shared'),
		context.getNodeParameter('folderId', itemIndex, ''),
	);
}

export const DOCS_PERMISSION =
	"Each folder has its own permissions: the service user's permission group needs the folder's view, upload or delete permission for these people (Bob → Settings → Permission groups → People's Docs). Shared and confidential folders must keep their default settings for the API.";

export const checkDocumentsOf = (employeeId: string) =>
	`the documents of employee ${employeeId} in Bob (their Docs tab)`;
