// frontend-platform's initialize() imports an `env.config` module, which @openedx/frontend-build
// aliases to the MFE's optional env.config.js. The example MFE has no JavaScript config: all of
// it comes from process.env and the runtime config API. build.ts aliases `env.config` here.
export default {};
