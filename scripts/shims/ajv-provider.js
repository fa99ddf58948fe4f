// The MCP SDK's Ajv validator, left out of dist/mcp.js (Ajv and its formats are about 130 KB): the server gives the
// SDK its own checker (src/agentTools/inputCheck.ts), so this class is never constructed.
class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('Ajv is not bundled: pass jsonSchemaValidator to the MCP Server');
  }
}
module.exports = { AjvJsonSchemaValidator };
