/**
 * @fileoverview The few browser globals the runtime and vendor modules name. Kept small on purpose: the
 * full browser externs would cost ~300 ms per compile. Property names need no externs in SIMPLE mode.
 * @externs
 */
var window;
var Object;
var Array;
var JSON;
var Math;
var Date;
var RegExp;
var String;
var Number;
var Error;
var encodeURIComponent;
var decodeURIComponent;
var arguments;
