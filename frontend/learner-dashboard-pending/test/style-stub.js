// Stands in for a stylesheet in tests, as frontend-build's jest config maps *.scss to a proxy.
export default {};
