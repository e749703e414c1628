// Ports of their own, so that a hand-started app (7070) or stubs (8089/8090) do not get in the way.
module.exports = { APP: 7171, INSTAGRAM: 8189, FACEBOOK: 8190 };
