// Stands in for an image in tests, as frontend-build's jest config maps *.svg to a file mock.
export default 'test-file-stub';
