// frontend-build resolves 'env.config' to the MFE's env.config.jsx, or to {} when it has none.
export default {};
