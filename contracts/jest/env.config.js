// Stands in for an MFE's optional env.config.js, which frontend-platform's initialize() imports.
module.exports = {};
