/** What the task operations share: the resource name and HiBob's permission for tasks. */
export const RESOURCE = 'task';

export const TASKS_PERMISSION =
	"The service user needs the permission \"People's Data › Tasks and flow › People's tasks › View and mark selected people's tasks as complete or incomplete\" for these people (Bob → Settings → Permission groups).";
