#undef __VERSION__
