// Each collection starts a whole cluster of processes; two at once would starve this machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
