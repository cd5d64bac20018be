// Removes the temporary database folder when the config made it (tests/e2e/run brings its own).
const fs = require('node:fs');

module.exports = async () => {
  if (process.env.E2E_DATA_OWNED === '1' && process.env.E2E_DATA) {
    fs.rmSync(process.env.E2E_DATA, { recursive: true, force: true });
  }
};
