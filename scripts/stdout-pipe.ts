/** `npm run eval ... | head` closes stdout early; that is the reader's choice, not a crash. */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
