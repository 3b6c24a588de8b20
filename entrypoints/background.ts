export default defineBackground(() => {
  console.log('tabkeep');
});
