// The package's `main`: every credential and node class that n8n registers (package.json → n8n),
// so the package can also be required programmatically: require('n8n-nodes-hibob').HiBob
const { n8n } = require('./package.json');

for (const file of [...n8n.credentials, ...n8n.nodes]) {
	Object.assign(module.exports, require(`./${file}`));
}
